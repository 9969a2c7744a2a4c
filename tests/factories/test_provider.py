"""The Faker provider: values of their real shapes, seeded, never a simulator address."""

from __future__ import annotations

import base64
import re
import subprocess
import sys
from collections import Counter

import pytest
from faker import Faker

from pinpoint_mock.errors import PinpointMockError
from pinpoint_mock.factories import PinpointProvider, make_faker
from pinpoint_mock.factories.provider import provider_of
from pinpoint_mock.models import CHANNELS
from pinpoint_mock.script import simulated_status

FCM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{10}:APA91b[A-Za-z0-9_-]+$")
UUID4 = r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"


def test_provider_is_added_the_conventional_way() -> None:
    fake = Faker()
    fake.add_provider(PinpointProvider)
    fake.seed_instance(11)
    first = [fake.e164_phone_number(), fake.apns_device_token(), fake.pinpoint_user_id()]
    fake.seed_instance(11)
    assert [fake.e164_phone_number(), fake.apns_device_token(), fake.pinpoint_user_id()] == first
    # unique proxies work with it, as with Faker's own providers
    tokens = {fake.unique.apns_device_token() for _ in range(50)}
    assert len(tokens) == 50


def test_make_faker_reads_seeds_as_text_and_provider_of_finds_or_adds_it() -> None:
    assert make_faker(7).pinpoint_user_id() == make_faker("7").pinpoint_user_id()
    fake = make_faker(7)
    assert isinstance(provider_of(fake), PinpointProvider)
    plain = Faker()
    provider = provider_of(plain)  # added when missing
    assert isinstance(provider, PinpointProvider)
    assert provider_of(plain) is provider


def test_push_tokens_and_ids_have_their_real_shapes() -> None:
    fake = make_faker(seed=2)
    for _ in range(200):
        assert re.fullmatch(r"[0-9a-f]{64}", fake.apns_device_token())
        token = fake.fcm_registration_token()
        assert FCM.match(token), token
        assert len(token) in (152, 163)
        baidu = fake.baidu_channel_id()
        assert baidu.isdigit()
        assert 18 <= len(baidu) <= 19
        assert int(baidu) < 2**63
        adm = fake.adm_registration_id()
        assert adm.startswith("amzn1.adm-registration.v3.")
        base64.b64decode(adm.removeprefix("amzn1.adm-registration.v3."), validate=True)
        assert re.fullmatch(r"[0-9a-f]{32}", fake.pinpoint_application_id())
        assert re.fullmatch(UUID4, fake.pinpoint_endpoint_id())
    assert re.fullmatch(UUID4, fake.pinpoint_user_id("uuid"))
    assert re.fullmatch(r"[a-z]{2}-[a-z]+-\d:" + UUID4, fake.pinpoint_user_id("cognito"))
    assert fake.pinpoint_user_id("integer").isdigit()
    with pytest.raises(PinpointMockError, match="id_style 'email' is not one of uuid"):
        fake.pinpoint_user_id("email")


def test_addresses_never_hit_the_simulator() -> None:
    fake = make_faker(seed=3)
    for channel in CHANNELS:
        for _ in range(100):
            assert simulated_status(channel, fake.endpoint_address(channel)) is None
    for _ in range(500):
        email = fake.endpoint_email()
        assert "+" not in email
        assert re.fullmatch(r"[a-z0-9._]+@[a-z.]+\.(com|org|net)", email)
    assert fake.endpoint_email("Zoë", "O'Brien-Müller").split("@")[0].startswith(("z", "o"))
    assert re.fullmatch(UUID4, fake.endpoint_address("IN_APP"))
    assert fake.endpoint_address("custom").startswith("https://hooks.example.com/pinpoint/")
    with pytest.raises(PinpointMockError, match="channel 'FAX' is not one of"):
        fake.endpoint_address("FAX")


def test_attributes_and_states() -> None:
    fake = make_faker(seed=4)
    attributes = fake.user_attributes("FR")
    assert set(attributes) == {"FirstName", "LastName", "Locale", "TimeZone"}
    assert attributes["Locale"] == ["fr_FR"]
    assert attributes["TimeZone"] == ["Europe/Paris"]
    assert all(isinstance(v, list) for v in fake.endpoint_attributes("EMAIL").values())
    demographic = fake.endpoint_demographic("APNS", "en_GB", "Europe/London")
    assert demographic["Platform"] == "ios"
    assert demographic["Timezone"] == "Europe/London"
    assert fake.endpoint_demographic("ADM")["Make"] == "Amazon"
    assert "Platform" not in fake.endpoint_demographic("SMS")
    opt_outs = Counter(fake.endpoint_opt_out(0.2) for _ in range(4000))
    assert 0.17 < opt_outs["ALL"] / 4000 < 0.23
    assert {fake.endpoint_status(0.0) for _ in range(100)} == {"ACTIVE"}
    assert {fake.endpoint_status(1.0) for _ in range(100)} == {"INACTIVE"}
    with pytest.raises(PinpointMockError, match="opt_out_rate must be a number from 0 to 1"):
        fake.endpoint_opt_out(1.5)


def test_without_faker_the_import_error_says_how_to_install_it() -> None:
    code = (
        "import sys\n"
        "sys.modules['faker'] = None\n"  # as if Faker were not installed
        "try:\n"
        "    import pinpoint_mock.factories\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == (
        "pinpoint_mock.factories needs Faker: pip install 'pinpoint-mock[faker]'"
    )
