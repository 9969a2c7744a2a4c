"""The pytest plugin, tested with pytester: fixture, marker, seed, teardown report, import cost."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytest_plugins = ["pytester"]

CONFTEST = """
import os
os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
"""

SEND = """
import boto3

def send(users, body="Your reminder"):
    client = boto3.client("pinpoint", region_name="us-east-1")
    return client.send_users_messages(
        ApplicationId="611e3e3cdd47474c9c1399a505665b91",
        SendUsersMessageRequest={
            "MessageConfiguration": {"SMSMessage": {"Body": body}},
            "Users": {u: {} for u in users},
        },
    )["SendUsersMessageResponse"]
"""


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(helpers=SEND)
    return pytester


def test_fixture_serves_boto3_and_isolates_tests(project: pytest.Pytester) -> None:
    project.makepyfile(
        """
        from helpers import send

        def test_one(pinpoint):
            pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
            send(["u1"])
            pinpoint.assert_sent(user="u1", body_contains="reminder", count=1)

        def test_two_starts_empty(pinpoint):
            assert pinpoint.sent == [] and pinpoint.endpoints() == []
            send(["u1"])
            pinpoint.assert_not_sent(user="u1")
        """
    )
    result = project.runpytest("-p", "no:randomly")
    result.assert_outcomes(passed=2)


def test_pinpoint_server_yields_a_typed_handle(project: pytest.Pytester) -> None:
    project.makepyfile(
        """
        import os
        from pinpoint_mock.server import ServerHandle

        def test_handle(pinpoint_server):
            assert isinstance(pinpoint_server, ServerHandle)
            assert os.environ["AWS_ENDPOINT_URL_PINPOINT"] == pinpoint_server.url
            assert pinpoint_server.url.startswith("http://127.0.0.1:")
            assert pinpoint_server.mock.seed == pinpoint_server.seed
        """
    )
    project.runpytest().assert_outcomes(passed=1)


def test_marker_takes_mock_options(project: pytest.Pytester) -> None:
    project.makepyfile(
        """
        import pytest
        from helpers import send

        @pytest.mark.pinpoint(simulator=False, seed=3)
        def test_marker(pinpoint):
            assert pinpoint.seed == 3
            pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+9995550101")
            send(["u1"])
            assert pinpoint.sent[0].delivery_status == "SUCCESSFUL"

        @pytest.mark.pinpoint(bogus=True)
        def test_bad_option(pinpoint):
            pass
        """
    )
    result = project.runpytest()
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["*unexpected keyword argument 'bogus'*"])


def test_seed_option_is_reported_and_used(project: pytest.Pytester) -> None:
    project.makepyfile(
        """
        def test_seed(pinpoint):
            print("SEED", pinpoint.seed)
        """
    )
    result = project.runpytest("--pinpoint-seed=77", "-s")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(
        ["pinpoint-mock: --pinpoint-seed=77", "*SEED 77:test_seed*::test_seed"]
    )


def test_same_seed_same_ids(project: pytest.Pytester) -> None:
    project.makepyfile(
        """
        from helpers import send

        def test_ids(pinpoint):
            pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
            print("ID", send(["u1"])["Result"]["u1"]["endpoint-1"]["MessageId"])
        """
    )
    first = project.runpytest("--pinpoint-seed=5", "-s")
    second = project.runpytest("--pinpoint-seed=5", "-s")
    third = project.runpytest("--pinpoint-seed=6", "-s")
    ids = [
        [line.split("ID ")[-1] for line in r.stdout.lines if " ID " in line]
        for r in (first, second, third)
    ]
    assert len(ids[0]) == 1
    assert ids[0] == ids[1]
    assert ids[0] != ids[2]


def test_failure_prints_seed_and_replay_command(project: pytest.Pytester) -> None:
    project.makepyfile(
        """
        from helpers import send

        def test_fails(pinpoint):
            pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
            send(["u1"], body="Hello")
            pinpoint.assert_sent(user="u1", body_contains="reminder")
        """
    )
    result = project.runpytest("--pinpoint-seed=9")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*expected at least one delivery matching user='u1', body_contains='reminder',*",
            "*Closest candidates:*",
            "*#1 u1/endpoint-1 (SMS) differs in: body_contains*",
            "*seed 9; replay with: pytest '*::test_fails' --pinpoint-seed=9*",
        ]
    )
    # __tracebackhide__: the traceback ends in the user's test, not in our assertion code.
    assert "assertions.py" not in result.stdout.str()


def test_unfired_rules_are_reported_only_when_the_test_passed(project: pytest.Pytester) -> None:
    project.makepyfile(
        """
        def test_passes(pinpoint):
            pinpoint.outcome("THROTTLED", user="ghost")

        def test_fails(pinpoint):
            pinpoint.outcome("THROTTLED", user="ghost2")
            assert False
        """
    )
    result = project.runpytest("-W", "default")
    result.assert_outcomes(passed=1, failed=1)
    output = result.stdout.str()
    assert "scripted but never fired: outcome('THROTTLED', user='ghost')" in output
    assert "ghost2'" not in output


def test_ini_options(project: pytest.Pytester) -> None:
    project.makeini(
        """
        [pytest]
        pinpoint_strict_applications = true
        pinpoint_seed = 11
        """
    )
    project.makepyfile(
        """
        import boto3, pytest

        def test_strict(pinpoint):
            assert pinpoint.options.strict_applications
            assert pinpoint.seed.startswith("11:")
            client = boto3.client("pinpoint", region_name="us-east-1")
            with pytest.raises(client.exceptions.NotFoundException):
                client.send_users_messages(ApplicationId="nope", SendUsersMessageRequest={
                    "MessageConfiguration": {"SMSMessage": {"Body": "x"}}, "Users": {"u": {}}})
        """
    )
    project.runpytest().assert_outcomes(passed=1)


def test_importing_the_plugin_imports_nothing_heavy() -> None:
    code = (
        "import sys, pinpoint_mock.plugins.pytest_plugin\n"
        "heavy = {'boto3', 'botocore', 'moto', 'faker', 'jsonschema', 'requests'}\n"
        "heavy &= set(sys.modules)\n"
        "loaded = [m for m in sys.modules if m.startswith('pinpoint_mock')]\n"
        "print(sorted(heavy), sorted(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert (
        result.stdout.strip()
        == "[] ['pinpoint_mock', 'pinpoint_mock._version', 'pinpoint_mock.plugins', "
        "'pinpoint_mock.plugins.pytest_plugin']"
    )


def test_warnings_point_at_the_test_line_that_caused_them(project: pytest.Pytester) -> None:
    """A contract warning names the line that sent the request (here the test's), and an
    unfired rule the test that scripted it: never a file of pinpoint-mock or botocore."""
    project.makepyfile(
        test_lines="""
        import boto3
        import requests

        def test_boto3_call(pinpoint):
            pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
            client = boto3.client("pinpoint", region_name="us-east-1")
            client.send_users_messages(  # line 7
                ApplicationId="611e3e3cdd47474c9c1399a505665b91",
                SendUsersMessageRequest={
                    "MessageConfiguration": {"SMSMessage": {"Body": "Hi {{Nobody}}"}},
                    "Users": {"u1": {}},
                },
            )

        def test_requests_call(pinpoint):
            requests.post(  # line 16
                "https://pinpoint.us-east-1.amazonaws.com/v1/apps/a1/users-messages",
                json={"MessageConfiguration": {"SMSMessage": {"Body": "{{Who}}"}},
                      "Users": {"u1": {}}},
            )

        def test_unfired(pinpoint):  # line 22
            pinpoint.outcome("THROTTLED", user="ghost")
        """
    )
    # In a process of its own: an in-process run shares (and restores) this one's modules, and
    # a requests imported there first can leave two CookieJar classes behind.
    result = project.runpytest_subprocess("-W", "default", "-p", "no:randomly")
    result.assert_outcomes(passed=3)
    output = result.stdout.str()
    result.stdout.fnmatch_lines(
        [
            "test_lines.py::test_boto3_call",
            "  *test_lines.py:7: PinpointContractWarning: *{{Nobody}} has no value*",
            "test_lines.py::test_requests_call",
            "  *test_lines.py:16: PinpointContractWarning: *{{Who}} has no value*",
            "test_lines.py::test_unfired",
            "  *test_lines.py:22: PinpointContractWarning: scripted but never fired*",
        ]
    )
    for library in ("pytest_plugin.py", "botocore", "mock.py", "responses"):
        assert f"/{library}" not in output, output


#: A conftest that hides boto3 and botocore, as in an environment without the `aws` extra.
WITHOUT_AWS = """
import sys

class Hide:
    hidden = {HIDDEN}

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in self.hidden:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None

for name in list(sys.modules):
    if name.partition(".")[0] in Hide.hidden:
        del sys.modules[name]
sys.meta_path.insert(0, Hide())
"""


def test_without_the_aws_extra_requests_callers_are_served(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(WITHOUT_AWS.format(HIDDEN={"boto3", "botocore"}))
    pytester.makepyfile(
        """
        import requests

        def test_requests_only(pinpoint):
            pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
            answer = requests.post(
                "https://pinpoint.us-east-1.amazonaws.com/v1/apps/"
                "611e3e3cdd47474c9c1399a505665b91/users-messages",
                json={"MessageConfiguration": {"SMSMessage": {"Body": "hi"}},
                      "Users": {"u1": {}}},
            )
            assert answer.status_code == 200, answer.text
            pinpoint.assert_sent(user="u1", body_contains="hi")
            import importlib.util
            import pytest
            with pytest.raises(ModuleNotFoundError):
                importlib.util.find_spec("botocore")
        """
    )
    pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)


def test_without_any_extra_the_fixture_says_what_to_install(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(WITHOUT_AWS.format(HIDDEN={"boto3", "botocore", "requests", "responses"}))
    pytester.makepyfile("def test_it(pinpoint):\n    pass\n")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    output = result.stdout.str()
    assert "neither is installed here: pip install 'pinpoint-mock[aws]'" in output
    assert "'pinpoint-mock[requests]'" in output
    assert "ModuleNotFoundError" not in output
