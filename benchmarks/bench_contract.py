"""Contract validation: the compiled fast path against a plain jsonschema validator.

    python -m benchmarks.bench_contract

Target (issue 2): at least 50x faster than jsonschema for a 100-user request.
"""

from __future__ import annotations

from typing import Any

from benchmarks.harness import compare, fmt


def request(users: int) -> dict[str, Any]:
    return {
        "MessageConfiguration": {
            "SMSMessage": {
                "Body": "Hi {{FirstName}}, see you at {{Time}}",
                "MessageType": "TRANSACTIONAL",
            },
            "EmailMessage": {"SimpleEmail": {"Subject": {"Data": "Reminder for {{FirstName}}"}}},
        },
        "Users": {
            f"user-{i}": {
                "Substitutions": {"FirstName": [f"Name{i}"], "Time": ["10:00"]},
                "Context": {"campaign": "reminders"},
            }
            for i in range(users)
        },
        "TraceId": "bench",
    }


def main() -> list[tuple[str, float, float, float]]:
    import jsonschema

    from pinpoint_mock.contract import schema, validate

    reference = jsonschema.Draft202012Validator(schema("send-users-messages.request.json"))
    rows = []
    for users in (1, 100):
        body = request(users)
        assert validate(body).ok
        assert reference.is_valid(body)
        medians = compare(
            {
                "pinpoint_mock.validate": lambda body=body: validate(body),
                "jsonschema iter_errors": lambda body=body: list(reference.iter_errors(body)),
            }
        )
        ours, theirs = medians["pinpoint_mock.validate"], medians["jsonschema iter_errors"]
        rows.append((f"{users} user(s)", ours, theirs, theirs / ours))
    print("contract validation (errors + warnings) vs jsonschema Draft 2020-12, same schema")
    for label, ours, theirs, ratio in rows:
        line = f"  {label:<12} fast path {fmt(ours):>10}  jsonschema {fmt(theirs):>10}"
        print(f"{line}  {ratio:6.1f}x faster")
    return rows


if __name__ == "__main__":
    main()
