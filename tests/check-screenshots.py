#!/usr/bin/env python3
"""Every screenshot the AppStream metainfo lists is a PNG in
data/screenshots/, of the same file name, wide enough for software
centres.

    check-screenshots.py SOURCE_ROOT

The images are rendered by `make screenshots` and committed by hand;
until the first is, the test is skipped. Once any is there, all must be.
"""
import pathlib
import struct
import sys
import xml.etree.ElementTree as ET

SKIP = 77
MIN_WIDTH = 620   # Flathub's quality guidelines


def png_size(path):
    data = path.read_bytes()[:24]
    if len(data) < 24 or data[:8] != b'\x89PNG\r\n\x1a\n' or data[12:16] != b'IHDR':
        return None
    return struct.unpack('>II', data[16:24])


def main(argv):
    root = pathlib.Path(argv[1] if len(argv) > 1 else '.').resolve()
    metainfo = ET.parse(root / 'data' / 'org.kefu.Kefu.metainfo.xml.in').getroot()
    folder = root / 'data' / 'screenshots'
    status = 0

    shots = metainfo.findall('./screenshots/screenshot')
    if not shots:
        print('not ok: the metainfo lists no screenshots')
        return 1
    if sum(1 for s in shots if s.get('type') == 'default') != 1:
        print('not ok: exactly one screenshot must be the default')
        status = 1

    names = []
    for shot in shots:
        image = shot.find('image')
        caption = shot.find('caption')
        if image is None or not (image.text or '').startswith('https://'):
            print('not ok: a screenshot without an https image URL')
            status = 1
            continue
        if caption is None or not (caption.text or '').strip():
            print(f'not ok: {image.text} has no caption')
            status = 1
        names.append(image.text.rsplit('/', 1)[-1])

    if not any(folder.glob('*.png')):
        print(f'skipped: no screenshots in {folder} yet (make screenshots, then commit them)')
        return SKIP if status == 0 else status

    for name in names:
        path = folder / name
        if not path.is_file():
            print(f'not ok: {name} is listed in the metainfo but not in data/screenshots/')
            status = 1
            continue
        size = png_size(path)
        if size is None:
            print(f'not ok: data/screenshots/{name} is not a PNG')
            status = 1
        elif size[0] < MIN_WIDTH:
            print(f'not ok: data/screenshots/{name} is {size[0]} pixels wide, less than {MIN_WIDTH}')
            status = 1
        else:
            print(f'ok: {name} {size[0]}×{size[1]}')
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv))
