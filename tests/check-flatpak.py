#!/usr/bin/env python3
"""Checks the Flatpak manifest against the build.

    check-flatpak.py SOURCE_ROOT

The manifest must parse; every library a meson.build asks for
(dependency('…') and cc.find_library('…')) must come from the GNOME
runtime or from a module of the manifest; every downloaded source must be
pinned by a sha256; the sandbox gets no more than a window, the GPU and
the portals; headers and static libraries are cleaned up; Kefu itself is
built from the source tree.
"""
import json
import pathlib
import re
import sys

# Where each library comes from: the runtime (org.gnome.Platform) or the
# manifest's module of that name. A new dependency() must be added here.
PROVIDERS = {
    'glib-2.0': 'runtime',
    'gio-2.0': 'runtime',
    'gobject-2.0': 'runtime',
    'gtk4': 'runtime',
    'libadwaita-1': 'runtime',
    'json-glib-1.0': 'runtime',
    'sqlite3': 'runtime',
    'libxml-2.0': 'runtime',
    'm': 'runtime',
    'libgsf-1': 'libgsf',
    'freexl': 'freexl',
    'xlsxwriter': 'libxlsxwriter',
    'csv': 'libcsv',
}

ALLOWED_FINISH_ARGS = {
    '--share=ipc', '--socket=wayland', '--socket=fallback-x11', '--device=dri',
}

DEPENDENCY = re.compile(r"""\b(?:dependency|find_library)\s*\(\s*['"]([^'"]+)['"]""")

failures = []


def fail(message):
    failures.append(message)
    print(f'not ok: {message}')


def meson_dependencies(root):
    """{name: [files]} of every library the meson build asks for."""
    found = {}
    for path in sorted(root.rglob('meson.build')):
        rel = path.relative_to(root)
        if rel.parts[0] in ('build', 'build-flatpak', '.flatpak-builder', 'subprojects'):
            continue
        for name in DEPENDENCY.findall(path.read_text(encoding='utf-8')):
            found.setdefault(name, []).append(str(rel))
    return found


def main(argv):
    root = pathlib.Path(argv[1] if len(argv) > 1 else '.').resolve()
    path = root / 'flatpak' / 'org.kefu.Kefu.json'
    try:
        manifest = json.loads(path.read_text(encoding='utf-8'))
    except (OSError, ValueError) as error:
        fail(f'{path} does not parse: {error}')
        return 1

    if manifest.get('id', manifest.get('app-id')) != 'org.kefu.Kefu':
        fail('the application id is not org.kefu.Kefu')
    if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
        fail('the runtime is not org.gnome.Platform with org.gnome.Sdk')
    version = str(manifest.get('runtime-version', ''))
    if not version.isdigit() or int(version) < 47:
        fail(f'runtime-version “{version}” is not a GNOME release of 47 or later')
    if manifest.get('command') != 'kefu':
        fail('the command is not kefu')

    finish_args = manifest.get('finish-args', [])
    for arg in finish_args:
        if arg not in ALLOWED_FINISH_ARGS:
            fail(f'finish-arg {arg} grants more than Kefu needs (files come through the portal)')
    for arg in ('--socket=wayland', '--socket=fallback-x11', '--device=dri', '--share=ipc'):
        if arg not in finish_args:
            fail(f'finish-arg {arg} is missing')

    cleanup = manifest.get('cleanup', [])
    for pattern in ('/include', '/lib/pkgconfig', '*.a', '*.la'):
        if pattern not in cleanup:
            fail(f'cleanup does not remove {pattern}')

    modules = {m['name']: m for m in manifest.get('modules', []) if isinstance(m, dict)}
    for name, module in modules.items():
        for source in module.get('sources', []):
            kind = source.get('type')
            if kind in ('archive', 'file'):
                if not re.fullmatch(r'https://\S+', source.get('url', '')):
                    fail(f'module {name}: a source without an https URL')
                if not re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', '')):
                    fail(f'module {name}: {source.get("url")} is not pinned by a sha256')
            elif kind == 'git':
                if not re.fullmatch(r'[0-9a-f]{40}', source.get('commit', '')):
                    fail(f'module {name}: a git source without a commit')

    app = list(modules.values())[-1] if modules else {}
    if app.get('name') != 'kefu' or app.get('buildsystem') != 'meson':
        fail('the last module is not kefu, built with meson')
    elif not any(s.get('type') == 'dir' and s.get('path') == '..' for s in app.get('sources', [])):
        fail('kefu is not built from the source tree (a "dir" source at "..")')
    elif '-Dtests=false' not in app.get('config-opts', []):
        fail('kefu is built with its tests (they need Xvfb and Gnumeric, not in the SDK)')

    for name, files in sorted(meson_dependencies(root).items()):
        provider = PROVIDERS.get(name)
        if provider is None:
            fail(f'{name} ({", ".join(files)}) comes from neither the runtime nor a module: '
                 f'add it to the manifest and to PROVIDERS in {argv[0]}')
        elif provider != 'runtime' and provider not in modules:
            fail(f'{name} ({", ".join(files)}) needs the module {provider}, which the manifest lacks')
        else:
            print(f'ok: {name} from {provider}')

    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
