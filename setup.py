"""The one part of Kronik in C: the token layer's scan (src/kronik/_tokens.c). Everything
else about the package is in pyproject.toml; setuptools reads the extension from here."""
from setuptools import Extension, setup

setup(ext_modules=[Extension("kronik._tokens", ["src/kronik/_tokens.c"])])
