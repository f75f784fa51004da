"""The live chronicle: one writer fed by watched folders, polled feeds and the web; alerts."""
