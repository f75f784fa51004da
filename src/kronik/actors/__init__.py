"""Actors: the knowledge base of states, capitals and seats, organisations and people."""
from kronik.actors.kb import (CountryEntry, CountryMatch, KnowledgeBase, KnowledgeBaseError,
                              Mention, OrganizationEntry, OrganizationMatch, PersonEntry,
                              PersonMatch, PlaceEntry, PlaceMatch, Role, SurfaceForm, fold)

__all__ = ["CountryEntry", "CountryMatch", "KnowledgeBase", "KnowledgeBaseError", "Mention",
           "OrganizationEntry", "OrganizationMatch", "PersonEntry", "PersonMatch", "PlaceEntry",
           "PlaceMatch", "Role", "SurfaceForm", "fold"]
