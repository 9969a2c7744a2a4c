"""SES's Handlebars subset: substitutions, nested paths, blocks, partials, missing values."""

from __future__ import annotations

import pytest

from pinpoint_mock.services.sesv2.handlebars import (
    MAX_DEPTH,
    MissingAttribute,
    TemplateError,
    parse,
    render,
    text_of,
)


def show(source: str, data: dict) -> str:
    return render(parse(source), data)


def test_names_and_nested_paths_are_substituted_without_html_escaping() -> None:
    data = {"name": "<Ana>", "contact": {"city": "Bengaluru", "zip": {"code": 560052}}}
    assert show("Hi {{name}} {{{name}}} from {{contact.city}} {{contact.zip.code}}", data) == (
        "Hi <Ana> <Ana> from Bengaluru 560052"
    )


def test_values_print_as_javascript_prints_them() -> None:
    assert [text_of(v) for v in (True, False, 3, 1.0, 1.5, None, [1, "a"], {"a": 1})] == [
        "true", "false", "3", "1", "1.5", "", "1,a", "[object Object]",
    ]  # fmt: skip


def test_an_absent_value_is_a_rendering_failure_naming_it() -> None:
    with pytest.raises(MissingAttribute, match=r"Attribute 'contact.city' is not present"):
        show("{{contact.city}}", {"contact": {}})
    assert show("{{gone}}", {"gone": None}) == ""  # present but null prints nothing


def test_if_else_if_unless_choose_by_handlebars_truthiness() -> None:
    source = "{{#if vip}}VIP{{else if gold}}GOLD{{else}}plain{{/if}}"
    assert show(source, {"vip": True}) == "VIP"
    assert show(source, {"gold": 1}) == "GOLD"
    assert show(source, {"vip": [], "gold": 0}) == "plain"
    assert show(source, {}) == "plain"  # absent is false, not a failure
    assert show("{{#unless paid}}due{{/unless}}", {"paid": ""}) == "due"


def test_each_walks_lists_and_objects_with_data_variables() -> None:
    source = "{{#each items}}{{@index}}={{name}}{{#if @last}}.{{else}}, {{/if}}{{/each}}"
    assert show(source, {"items": [{"name": "a"}, {"name": "b"}]}) == "0=a, 1=b."
    assert show("{{#each m}}{{@key}}:{{this}} {{/each}}", {"m": {"x": 1, "y": 2}}) == "x:1 y:2 "
    assert show("{{#each xs}}x{{else}}none{{/each}}", {"xs": []}) == "none"
    assert show("{{#each xs}}{{../title}}{{.}}{{/each}}", {"xs": [1, 2], "title": "t"}) == "t1t2"


def test_with_and_inline_partials() -> None:
    source = '{{#*inline "card"}}[{{name}}]{{/inline}}{{#with user}}{{> card}}{{/with}}'
    assert show(source, {"user": {"name": "Ana"}}) == "[Ana]"
    with pytest.raises(TemplateError, match="partial nope could not be found"):
        show("{{> nope}}", {})


def test_comments_and_whitespace_control() -> None:
    assert show("a {{! note }}{{!-- {{x}} --}}b  {{~ name ~}}  c", {"name": "N"}) == "a bNc"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{{#if x}}open", "never closed"),
        ("{{/if}}", "does not close an open block"),
        ("{{#if x}}{{/each}}", "expected {{/if}}"),
        ("{{lookup a b}}", "helper call"),
        ("{{#custom x}}{{/custom}}", "#custom"),
        ("{{name", "unclosed"),
        ("{{}}", "empty expression"),
        ("{{else}}", "outside a block"),
    ],
)
def test_templates_ses_would_refuse_are_errors_that_say_why(source: str, message: str) -> None:
    with pytest.raises(TemplateError, match=message):
        parse(source)


def test_nesting_and_output_are_bounded() -> None:
    deep = "{{#if a}}" * (MAX_DEPTH + 2) + "{{/if}}" * (MAX_DEPTH + 2)
    with pytest.raises(TemplateError, match="nested deeper"):
        parse(deep)
    looping = '{{#*inline "p"}}{{> p}}{{/inline}}{{> p}}'
    with pytest.raises(TemplateError, match="nested deeper"):
        show(looping, {})


def test_plain_templates_are_told_from_advanced_ones() -> None:
    assert not parse("Hi {{name}}").advanced
    assert parse("{{#if a}}x{{/if}}").advanced
    assert parse("{{a.b}}").advanced


def test_a_text_is_compiled_once_and_the_cache_is_bounded() -> None:
    from pinpoint_mock.services.sesv2 import handlebars

    first = parse("Hi {{name}} #cache-test")
    assert parse("Hi {{name}} #cache-test") is first  # the same text: the same compiled template
    changed = parse("Hello {{name}} #cache-test")  # a changed template is another text
    assert changed is not first
    assert render(changed, {"name": "Ana"}) == "Hello Ana #cache-test"
    for n in range(handlebars.CACHE_SIZE + 20):
        parse(f"{{{{n}}}} {n} #cache-fill")
    assert handlebars.cache_info().currsize == handlebars.cache_info().maxsize
    assert handlebars.cache_info().maxsize == handlebars.CACHE_SIZE
    assert render(parse("Hi {{name}} #cache-test"), {"name": "Bo"}) == "Hi Bo #cache-test"
    long = "{{name}}" + "x" * handlebars.CACHE_TEXT  # too long to keep: compiled at each use
    assert parse(long) is not parse(long)
    assert render(parse(long), {"name": "N"}).startswith("Nxxx")


def test_the_output_is_bounded_in_plain_templates_and_loops() -> None:
    from pinpoint_mock.services.sesv2.handlebars import MAX_OUTPUT

    big = "x" * (MAX_OUTPUT // 100)
    with pytest.raises(TemplateError, match="larger than"):
        show("{{big}}" * 101, {"big": big})
    with pytest.raises(TemplateError, match="larger than"):
        show("{{#each xs}}{{../big}}{{/each}}", {"xs": list(range(101)), "big": big})
    with pytest.raises(TemplateError, match="larger than"):
        show("{{#each xs}}" + "y" * 1000 + "{{/each}}", {"xs": [0] * (MAX_OUTPUT // 1000 + 1)})
    assert len(show("{{big}}" * 100, {"big": big})) == 100 * len(big)


def test_data_variables_reach_nested_blocks_and_partials_in_a_loop() -> None:
    assert show("{{#each xs}}{{#if @first}}F{{/if}}{{this}}{{/each}}", {"xs": ["a", "b"]}) == "Fab"
    partial = '{{#*inline "p"}}{{@index}}:{{this}} {{/inline}}{{#each xs}}{{> p}}{{/each}}'
    assert show(partial, {"xs": ["a", "b"]}) == "0:a 1:b "
    outer = "{{#each xs}}{{#each ../ys}}{{@index}}{{/each}}{{@index}};{{/each}}"
    assert show(outer, {"xs": [1, 2], "ys": [1, 2, 3]}) == "0120;0121;"
    assert show("{{#each m}}{{this}}{{/each}}", {"m": {"a": 1, "b": 2}}) == "12"
    with pytest.raises(MissingAttribute, match="'@index'"):
        show("{{@index}}", {})


def test_nested_loops_that_print_nothing_are_bounded() -> None:
    from pinpoint_mock.services.sesv2 import handlebars as hb

    loops = "{{#each a}}{{#each ../a}}{{#each ../../a}}{{/each}}{{/each}}{{/each}}"
    template = hb.parse(loops)
    with pytest.raises(hb.TemplateError, match="loops run more than"):
        hb.render(template, {"a": list(range(200))})  # 8,000,000 iterations, no output
    assert hb.render(template, {"a": list(range(20))}) == ""
