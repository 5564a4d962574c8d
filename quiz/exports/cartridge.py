"""IMS Common Cartridge 1.1 (`.imscc`): the quiz as a course package, which Canvas (Import course
content → Common Cartridge), Moodle (course restore), Blackboard, Brightspace and Sakai all read.

The package is a zip: `imsmanifest.xml` (the course's title, one organization whose one module
holds the quiz, and the quiz as an `imsqti_xmlv1p2/imscc_xmlv1p1/assessment` resource) and the
assessment in the cartridge's QTI 1.2 profile, written by `qti.py`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from quiz.exports.model import ExportSet
from quiz.exports.qti import assessment, ident, package

CC_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
LOM_NS = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"
ASSESSMENT = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"


def _cc(tag: str) -> str:
    return f"{{{CC_NS}}}{tag}"


def _lom(tag: str) -> str:
    return f"{{{LOM_NS}}}{tag}"


def manifest(export: ExportSet, quiz_ident: str, href: str) -> bytes:
    """The cartridge's manifest: what an LMS reads first to find the quiz and its title."""
    ET.register_namespace("", CC_NS)
    ET.register_namespace("lomimscc", LOM_NS)
    root = ET.Element(_cc("manifest"), identifier=ident("cartridge", quiz_ident))
    metadata = ET.SubElement(root, _cc("metadata"))
    ET.SubElement(metadata, _cc("schema")).text = "IMS Common Cartridge"
    ET.SubElement(metadata, _cc("schemaversion")).text = "1.1.0"
    title = ET.SubElement(ET.SubElement(ET.SubElement(metadata, _lom("lom")), _lom("general")), _lom("title"))
    ET.SubElement(title, _lom("string")).text = export.title
    organization = ET.SubElement(ET.SubElement(root, _cc("organizations")), _cc("organization"),
                                 identifier=ident("organization", quiz_ident), structure="rooted-hierarchy")
    top = ET.SubElement(organization, _cc("item"), identifier=ident("root", quiz_ident))
    module = ET.SubElement(top, _cc("item"), identifier=ident("module", quiz_ident))
    ET.SubElement(module, _cc("title")).text = export.title
    entry = ET.SubElement(module, _cc("item"), identifier=ident("entry", quiz_ident), identifierref=quiz_ident)
    ET.SubElement(entry, _cc("title")).text = export.title
    resource = ET.SubElement(ET.SubElement(root, _cc("resources")), _cc("resource"),
                             identifier=quiz_ident, type=ASSESSMENT)
    ET.SubElement(resource, _cc("file"), href=href)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def render(export: ExportSet) -> bytes:
    quiz_ident = ident("cartridge-quiz", export.bank, export.title)
    href = f"{quiz_ident}/assessment_qti.xml"
    return package({
        "imsmanifest.xml": manifest(export, quiz_ident, href),
        href: assessment(export, quiz_ident, cartridge=True),
    })
