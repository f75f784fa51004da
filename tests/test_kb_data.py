"""Integrity of the knowledge base's data files: the country table matches its generator,
every code, key, date and alias is well formed and points at something that exists."""
from __future__ import annotations

import importlib.util
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from kronik.actors import KnowledgeBase, fold
from kronik.resources import load_data

ROOT = Path(__file__).resolve().parents[1]
COLLEGIAL = {"AND", "BIH", "CHE", "SMR"}   # states with several heads at once
HEADLESS = {"SMR"}   # two Captains Regent change every six months: not listed


def _generator():
    spec = importlib.util.spec_from_file_location("build_countries",
                                                  ROOT / "tools" / "build_countries.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.default()


@pytest.fixture(scope="module")
def roles(kb):
    return [(person, role) for person in kb.persons for role in person.roles]


def test_countries_file_matches_its_generator():
    generator = _generator()
    committed = (ROOT / "src" / "kronik" / "data" / "countries.yaml").read_text(encoding="utf-8")
    assert committed == generator.render(generator.build()), (
        "countries.yaml drifted: run python tools/build_countries.py")


def test_every_un_member_and_observer_is_a_country(kb):
    statuses = [c.status for c in kb.countries.values()]
    assert statuses.count("member") == 193
    assert {c.code for c in kb.countries.values() if c.status == "observer"} == {"PSE", "VAT"}
    assert {"TWN", "XKX"} <= set(kb.countries)
    assert all(re.fullmatch(r"[A-Z]{3}", c.code) and re.fullmatch(r"[A-Z]{2}", c.alpha2)
               for c in kb.countries.values())


def test_aliases_name_known_countries_and_no_form_names_two():
    countries = {c.code for c in KnowledgeBase.default().countries.values()}
    aliases = load_data("actor_aliases")
    assert set(aliases["countries"]) <= countries
    assert set(aliases["seats"].values()) <= countries
    owners = defaultdict(set)
    for country in KnowledgeBase.default().countries.values():
        for form in (country.name, *country.names):
            owners[fold(form)].add(country.code)
        for form in (country.name_en, *country.exact):
            owners[form].add(country.code)
    clashes = {form: codes for form, codes in owners.items() if len(codes) > 1}
    assert not clashes


def test_every_country_has_a_capital(kb):
    assert {p.country for p in kb.places if p.kind == "capital"} == set(kb.countries)
    assert {p.country for p in kb.places} <= set(kb.countries)
    assert {p.kind for p in kb.places} == {"capital", "seat"}


def test_organisations(kb):
    assert not set(kb.organizations) & set(kb.countries), "an organisation key is an ISO code"
    for org in kb.organizations.values():
        assert org.kind in {"organization", "group"}, org.key
        assert org.parent is None or org.parent in kb.organizations, org.key


def test_persons_are_unique_and_qids_well_formed(kb):
    names = [p.name for p in kb.persons]
    assert len(names) == len(set(names))
    qids = [p.qid for p in kb.persons if p.qid]
    assert all(re.fullmatch(r"Q\d+", qid) for qid in qids)
    assert len(qids) == len(set(qids))


def test_family_names_are_names(kb):
    """Set ``surname`` where the last word is not the family name (Elizabeth II, Kim Jong Un)."""
    for person in kb.persons:
        assert not re.fullmatch(r"[IVXL]+|Jr\.?|Sr\.?", person.family_name), person.name
        assert " of " not in person.name or person.surname, person.name


def test_every_role_is_valid(kb, roles):
    known = set(load_data("roles", language=None)["roles"])
    for person, role in roles:
        where = f"{person.name}: {role}"
        assert role.role in known, where
        assert (role.country in kb.countries) != (role.organization in kb.organizations), where
        assert role.end is None or role.start <= role.end, where
        assert date(1950, 1, 1) <= role.start <= date(2026, 12, 31), where
        assert role.title, where


def test_heads_do_not_overlap(roles):
    """A state has one head of state and one head of government at a time; handover days
    overlap by a day, acting holders (title Penjabat) stand in beside a suspended holder."""
    spans = defaultdict(list)
    for person, role in roles:
        if (role.role in {"head_of_state", "head_of_government"} and role.country
                and role.country not in COLLEGIAL and not role.title.startswith("Penjabat")):
            spans[(role.country, role.role)].append((role.start, role.end or date.max, person.name))
    for key, held in spans.items():
        held.sort()
        for (_, end, name), (start, _, next_name) in zip(held, held[1:]):
            assert start >= end, (
                f"{key}: {name} until {end} overlaps {next_name} from {start}")


def test_every_state_has_a_head(kb, roles):
    heads = {role.country for _, role in roles
             if role.role in {"supreme_leader", "head_of_state", "head_of_government"}}
    assert set(kb.countries) - heads == HEADLESS


def test_person_names_are_not_names_of_states_places_or_organisations(kb):
    others = {fold(form.text) for form in kb.all_surface_forms() if form.kind != "person"}
    for person in kb.persons:
        for name in (person.name, *person.aliases, *person.exact):
            assert fold(name) not in others, f"{person.name}: '{name}'"


def test_enough_roles(roles):
    assert len(roles) >= 600
