"""Kronik's web interface and HTTP API: ``kronik serve`` (see ``kronik.web.app``)."""
