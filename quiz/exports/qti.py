"""QTI 1.2 in a zip, as Canvas imports it (Settings → Import course content → QTI .zip file):
`imsmanifest.xml` naming one assessment, and the assessment with multiple-choice and
short-answer items. Identifiers are hashes of the stable question names, so they are valid XML
ids and the same on every export.

Several accepted spellings of a short answer sit in one `<or>`: in QTI 1.2 the children of a
`<conditionvar>` must all hold, so side by side they would accept nothing in a strict engine. The
Common Cartridge profile of QTI (see `cartridge.py`) has no `<or>` and reads side-by-side answers
as alternatives, so `assessment(..., cartridge=True)` writes them that way, with its `cc_profile`s."""

from __future__ import annotations

import hashlib
import io
import xml.etree.ElementTree as ET
import zipfile

from question_bank.questions import Question
from quiz.exports.model import ExportSet, is_choice, question_id
from quiz.exports.typed import typed_answers

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
_STAMP = (2020, 1, 1, 0, 0, 0)  # fixed zip times: the same export gives the same bytes


def ident(*parts: str) -> str:
    return "g" + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def _field(parent: ET.Element, label: str, entry: str) -> None:
    field = ET.SubElement(parent, "qtimetadatafield")
    ET.SubElement(field, "fieldlabel").text = label
    ET.SubElement(field, "fieldentry").text = entry


def _mattext(parent: ET.Element, text: str) -> None:
    ET.SubElement(ET.SubElement(parent, "material"), "mattext", texttype="text/plain").text = text


def _item(section: ET.Element, q: Question, cartridge: bool) -> None:
    name = question_id(q)
    item = ET.SubElement(section, "item", ident=ident(name), title=name)
    meta = ET.SubElement(ET.SubElement(item, "itemmetadata"), "qtimetadata")
    choice = is_choice(q)
    if cartridge:
        _field(meta, "cc_profile", "cc.multiple_choice.v0p1" if choice else "cc.fib.v0p1")
    else:
        _field(meta, "question_type", "multiple_choice_question" if choice else "short_answer_question")
        _field(meta, "points_possible", "1.0")
    presentation = ET.SubElement(item, "presentation")
    _mattext(presentation, q.prompt)
    processing = ET.SubElement(item, "resprocessing")
    outcomes = ET.SubElement(processing, "outcomes")
    ET.SubElement(outcomes, "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    if choice:
        response = ET.SubElement(presentation, "response_lid", ident="response1", rcardinality="Single")
        render_choice = ET.SubElement(response, "render_choice")
        correct = ""
        for number, option in enumerate(q.options):
            option_ident = ident(name, str(number))
            label = ET.SubElement(render_choice, "response_label", ident=option_ident)
            _mattext(label, option)
            if option == q.answer:
                correct = option_ident
        accepted: tuple[str, ...] = (correct,)
    else:
        response = ET.SubElement(presentation, "response_str", ident="response1", rcardinality="Single")
        ET.SubElement(ET.SubElement(response, "render_fib"), "response_label", ident="answer1", rshuffle="No")
        accepted = typed_answers(q)
    if q.note or q.source:
        general = ET.SubElement(processing, "respcondition", {"continue": "Yes"})
        ET.SubElement(ET.SubElement(general, "conditionvar"), "other")
        ET.SubElement(general, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    condition = ET.SubElement(processing, "respcondition", {"continue": "No"})
    conditionvar = ET.SubElement(condition, "conditionvar")
    if len(accepted) > 1 and not cartridge:
        conditionvar = ET.SubElement(conditionvar, "or")
    for value in accepted:
        ET.SubElement(conditionvar, "varequal", respident="response1").text = value
    ET.SubElement(condition, "setvar", action="Set", varname="SCORE").text = "100"
    if q.note or q.source:
        feedback = ET.SubElement(item, "itemfeedback", ident="general_fb")
        text = "\n".join(part for part in (q.note, f"Source: {q.source}" if q.source else "") if part)
        _mattext(ET.SubElement(feedback, "flow_mat"), text)


def assessment(export: ExportSet, quiz_ident: str, cartridge: bool = False) -> bytes:
    """The assessment file: Canvas's QTI 1.2, or with `cartridge` the Common Cartridge profile."""
    root = ET.Element("questestinterop", xmlns=QTI_NS)
    test = ET.SubElement(root, "assessment", ident=quiz_ident, title=export.title)
    meta = ET.SubElement(test, "qtimetadata")
    if cartridge:
        for label, entry in (("cc_profile", "cc.exam.v0p1"), ("qmd_assessmenttype", "Examination"),
                             ("qmd_scoretype", "Percentage")):
            _field(meta, label, entry)
    _field(meta, "cc_maxattempts", "1")
    section = ET.SubElement(test, "section", ident="root_section")
    for q in export.questions:
        _item(section, q, cartridge)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def manifest(quiz_ident: str) -> bytes:
    root = ET.Element("manifest", identifier=ident("manifest", quiz_ident), xmlns=CP_NS)
    metadata = ET.SubElement(root, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Content"
    ET.SubElement(metadata, "schemaversion").text = "1.1.3"
    ET.SubElement(root, "organizations")
    resources = ET.SubElement(root, "resources")
    resource = ET.SubElement(resources, "resource", identifier=quiz_ident, type="imsqti_xmlv1p2")
    ET.SubElement(resource, "file", href=f"{quiz_ident}/{quiz_ident}.xml")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def package(files: dict[str, bytes]) -> bytes:
    """A zip of `files` with fixed times: the same export gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(zipfile.ZipInfo(name, _STAMP), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def render(export: ExportSet) -> bytes:
    quiz_ident = ident("quiz", export.bank, export.title)
    return package({
        "imsmanifest.xml": manifest(quiz_ident),
        f"{quiz_ident}/{quiz_ident}.xml": assessment(export, quiz_ident),
    })
