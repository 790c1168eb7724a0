#!/usr/bin/env python3
"""Plural forms: each language's Plural-Forms header is the one its
grammar needs, and no message counts things without ngettext().

    check-plurals.py TEMPLATE.pot LANG.po…

A message is taken to count things when a number conversion is followed
by a plural English noun ("%u items") and not preceded by a word that
makes the number a name ("row %lu", "batch %ld"): such a message must be
a plural message (ngettext, g_dngettext), or "1 items" is shown.
"""
import re
import sys

# The headers of the GNU gettext manual ("Plural forms").
PLURAL_FORMS = {
    'zh_CN': 'nplurals=1; plural=0;',
    'zh_TW': 'nplurals=1; plural=0;',
    'ja': 'nplurals=1; plural=0;',
    'es': 'nplurals=2; plural=(n != 1);',
    'en_GB': 'nplurals=2; plural=(n != 1);',
    'de': 'nplurals=2; plural=(n != 1);',
    'fr': 'nplurals=2; plural=(n > 1);',
}

NUMBER_THEN_NOUN = re.compile(r"(\w+)?\W{0,2}%'?l{0,2}[dui] ([a-z]{3,}s)\b")
# Words after a number that are not plural nouns.
NOT_NOUNS = {'has', 'was', 'does', 'this', 'its', 'plus', 'is', 'refers',
             'scores', 'gives', 'makes', 'needs', 'says', 'holds', 'starts',
             'ends', 'comes', 'goes', 'takes', 'keeps', 'less'}
# Words before a number that make it a name, not a count.
NAMES = {'row', 'item', 'column', 'batch', 'scheme', 'line', 'file', 'sheet',
         'step', 'day', 'version', 'id', 'rank'}


def read_entries(path):
    """(msgid, msgid_plural or None, msgstr header) of a PO file."""
    text = open(path, encoding='utf-8').read()
    entries = []
    for block in re.split(r'\n\s*\n', text):
        if re.search(r'^#~', block, re.M):
            continue
        fields = {}
        key = None
        for line in block.splitlines():
            m = re.match(r'^(msgid|msgid_plural|msgstr|msgctxt|msgstr\[\d+\]) "(.*)"$', line)
            if m:
                key = m.group(1)
                fields[key] = m.group(2)
            elif key and line.startswith('"'):
                fields[key] += line[1:-1]
        if 'msgid' in fields:
            entries.append(fields)
    return entries


def main(argv):
    status = 0
    pot, pos = argv[1], argv[2:]

    for fields in read_entries(pot):
        msgid = fields['msgid']
        if 'msgid_plural' in fields or not msgid:
            continue
        for m in NUMBER_THEN_NOUN.finditer(msgid):
            before = (m.group(1) or '').lower()
            if m.group(2) in NOT_NOUNS or before in NAMES:
                continue
            print(f'counts “{m.group(2)}” without ngettext(): "{msgid}"')
            status = 1
            break

    for po in pos:
        lang = re.sub(r'.*/|\.po$', '', po)
        header = next((f for f in read_entries(po) if f['msgid'] == ''), None)
        found = re.search(r'Plural-Forms: *([^\\]*)', header.get('msgstr', '')) if header else None
        found = found.group(1).strip() if found else None
        want = PLURAL_FORMS.get(lang)
        if want is None:
            print(f'{po}: no known Plural-Forms for “{lang}”; add it to {argv[0]}')
            status = 1
        elif found is None or found.replace(' ', '') != want.replace(' ', ''):
            print(f'{po}: Plural-Forms is “{found}”, {lang} needs “{want}”')
            status = 1
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv))
