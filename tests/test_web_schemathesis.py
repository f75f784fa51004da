"""Schemathesis against the web API's own OpenAPI schema: no input makes the server fail (5xx).

The application is called in process (ASGI), never over the network, on a chronicle of
invented articles; requests carry the ingest token so that generated uploads reach the
pipeline and the store too. Examples per operation are bounded to keep the run short.
"""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from kronik.store import Chronicle
from kronik.web.app import create_app
from kronik.web.queries import ChronicleView
from test_web_api import TOKEN, hostile_document, invented_documents

# Enough examples per operation to hit the edges of each parameter's schema (empty, long,
# odd Unicode, out-of-range numbers) while the whole module runs in well under a minute.
EXAMPLES_PER_OPERATION = 20
# Seconds per request. A generated upload of a dozen odd files takes the pipeline a second or
# two, but CI shares two cores with other jobs; schemathesis's default (10 s) then fails on
# time rather than on a server error, which is all this test looks for.
REQUEST_TIMEOUT = 120


# The schema does not depend on the data: the application is built at import without a
# chronicle, and the fixture below gives it one (and takes it back) around the tests.
# Schemathesis's ASGI client names its host "testserver": the server is told to answer to it.
APP = create_app(None, token=TOKEN, max_upload_bytes=256 * 1024, allowed_hosts=("testserver",))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def invented_chronicle(tmp_path_factory):
    store = Chronicle.open(tmp_path_factory.mktemp("fuzz") / "fuzz.duckdb")
    report = store.ingest([*invented_documents(30), hostile_document()])
    assert report.added == 31
    APP.state.view = ChronicleView(store)
    yield
    APP.state.view = None
    store.close()


@schema.parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None,
          suppress_health_check=list(HealthCheck))
def test_no_input_makes_the_server_fail(case):
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"},
                           checks=[not_a_server_error], timeout=REQUEST_TIMEOUT)
