"""Invitation codes: readable, forgiving to type, stored only as a keyed hash."""

from cove.core import invite_codes


def test_a_code_is_two_groups_of_four_from_the_alphabet():
    code = invite_codes.new_code()
    assert len(code) == 9 and code[4] == "-"
    assert all(ch in invite_codes.ALPHABET for ch in code.replace("-", ""))


def test_case_spaces_and_dashes_do_not_matter():
    assert invite_codes.normalise(" k7qm 3wxp ") == "K7QM-3WXP"


def test_text_that_cannot_be_a_code_normalises_to_nothing():
    assert [invite_codes.normalise(t) for t in ("K7QM-3WX", "K7QM-3WX0", "")] == ["", "", ""]


def test_the_stored_digest_does_not_contain_the_code_and_depends_on_the_purpose():
    code = invite_codes.new_code()
    partner = invite_codes.code_digest("partner", code)
    assert code.replace("-", "") not in partner.upper()
    assert partner != invite_codes.code_digest("clinician", code)
    assert partner == invite_codes.code_digest("partner", code.lower())


def test_the_qr_code_is_inline_svg_with_a_title():
    svg = invite_codes.qr_svg("https://cove.example/partners/join/K7QM-3WXP", "Scan to link")
    assert svg.startswith("<svg") and "<title>Scan to link</title>" in svg
