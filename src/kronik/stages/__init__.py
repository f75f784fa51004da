"""The pipeline's stages, one module each: clean, metadata, sentences, entities, timex, quotes, events."""
