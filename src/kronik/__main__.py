from kronik.cli import main

main()
