"""Build one edition of the report: the pipeline, top to bottom.

validate parameters, params and data -> execute the sections (papermill) ->
merge them in order -> render HTML and PDF -> write the manifest -> publish
the edition under outputs/<year>/<period>/ in one swap.
"""

from __future__ import annotations

import json
import shutil
import threading
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import nbformat

from . import checks, determinism, formatting, results, review
from .archive import open_edition, publish, staging
from .cache import Cache
from .background import alongside
from .errors import ConfigError, ReportbookError
from .execute import SectionRun, execute_sections, start_kernels, to_run
from .kernels import default_jobs
from .loading import Dataset
from .manifest import build_manifest, code_hashes, hashes, sha256
from .params import load_params, param_files
from .rendercache import CACHE_DIR, render_cached, render_key, word_cached
from .paths import Project
from .periods import Period, resolve
from .preflight import require_valid
from .sections import Section, discover, select

SECTIONS_DIR = "sections"


@dataclass
class Progress:
    """Callbacks the CLI uses to show progress; all optional."""

    section_started: Callable[[Section, int, int], None] = lambda *a: None
    section_done: Callable[[SectionRun], None] = lambda *a: None
    step: Callable[[str], None] = lambda *a: None


@dataclass
class BuildResult:
    edition: Path
    period: Period
    runs: list[SectionRun]
    manifest: dict = field(default_factory=dict)


def build(year, period, sections: list[str] | None = None, project: Project | None = None,
          progress: Progress | None = None, *, jobs: int | None = None,
          use_cache: bool = True, force: bool = False) -> BuildResult:
    """Build the report for ``year`` and ``period`` into outputs/<year>/<period>/.

    Every input is validated first. ``jobs`` kernels run the sections (default:
    one per core); with ``use_cache`` unchanged sections, renders and
    validations are reused from outputs/.cache/ (see :mod:`reportbook.cache`).
    A final edition is replaced only with ``force``.
    """
    target = resolve(year, period)
    project = project or Project.locate()
    progress = progress or Progress()
    progress.step("checking params, notebooks and data")
    every = discover(project.notebooks)
    chosen = select(every, sections)
    with ExitStack() as kernels_running:
        params = _params_if_readable(project, target)
        cache = Cache(project.outputs / CACHE_DIR, project.root, params) if use_cache else None
        kernels = None
        if params is not None:  # else validation below says what is wrong with them
            kernels = _start_kernels_early(project, target, chosen, jobs, cache, kernels_running)
        require_valid(project, target, every,
                      cache_dir=project.outputs / CACHE_DIR if use_cache else None)
        if params is None:  # not reached with unreadable params: validation has raised
            params = load_params(project.params, target)
            cache = Cache(project.outputs / CACHE_DIR, project.root, params) if use_cache else None
        dataset = Dataset(project.data)
        edition = project.edition_dir(target.year, target.code)
        with open_edition(edition, force=force):
            with staging(edition) as stage:
                reused = _reuse(edition, every, chosen, stage)
                preloading = _preload_renderers() if kernels is not None else None
                runs = execute_sections(chosen, stage / SECTIONS_DIR, target, project,
                                        started=progress.section_started,
                                        done=progress.section_done, jobs=jobs, cache=cache,
                                        kernels=kernels)
                kernels_running.close()  # shut the kernels down now, not after rendering
                if preloading is not None:
                    preloading.join()
                manifest = _render_and_record(stage, every, runs, reused, target, project,
                                              params, dataset, cache, progress)
            publish(stage, edition)
    return BuildResult(edition, target, runs, manifest)


def _params_if_readable(project: Project, target: Period):
    """The period's params, or None when they cannot be read (validation reports why)."""
    try:
        return load_params(project.params, target)
    except ReportbookError:
        return None


def _start_kernels_early(project, target, chosen, jobs, cache, stack):
    """Start the kernels the build will need before validating, so both overlap.

    Which sections need running is known from the cache before validation; a
    build with nothing to run starts no kernel.
    """
    needed = len(to_run(chosen, target, cache))
    return start_kernels(min(jobs or default_jobs(), needed), project, stack)


def _preload_renderers() -> threading.Thread:
    """Import and warm the renderers (nbconvert, WeasyPrint, python-docx) while the kernels work.

    The build process only waits during execution, and this start-up costs
    about 0,9 s that would otherwise come after it. Joined before rendering
    (and so before the fork that writes the Word file).
    """
    def load() -> None:
        import weasyprint

        from . import render, word  # noqa: F401

        # WeasyPrint's first document pays for its stylesheets and font set-up.
        weasyprint.HTML(string="<p>reportbook</p>").write_pdf()

    thread = threading.Thread(target=load, name="reportbook-preload", daemon=True)
    thread.start()
    return thread


def _render_and_record(stage, every, runs, reused, target, project, params, dataset, cache,
                       progress) -> dict:
    """Merge, render, check, write the reviewer edition and the manifest; return the manifest.

    A forked child writes the Word file and the reviewer edition while this
    process renders the HTML and the PDF.
    """
    determinism.normalise_folder(stage / SECTIONS_DIR)
    progress.step("merging and rendering")
    section_paths = [stage / SECTIONS_DIR / s.filename for s in every]
    merged = _merge(section_paths, target, stage)
    title = f"{params.report.kind} {params.report.subject} {target.label}"
    found = checks.run(merged, unit_labels=dataset.vocab.get("units"))
    manifest = _manifest_info(target, project, dataset, every, runs, reused, found)
    _manifest_results(manifest, params, every, merged, project)
    key = render_key(merged, title, _footer(target)) if cache else None

    def in_child() -> None:
        word_cached(merged, stage, cache, title=title, key=key)
        review.write(stage, section_paths, manifest, found, title, cache=cache)

    with alongside(in_child, "writing report.docx and the reviewer edition"):
        render_cached(merged, stage, cache, title=title, footer=_footer(target), key=key)
    _write_manifest(manifest, stage)
    return manifest


def _reuse(edition: Path, every: list[Section], chosen: list[Section], stage: Path) -> list[str]:
    """Copy the previous edition's executed sections that this build does not re-run."""
    (stage / SECTIONS_DIR).mkdir()
    others = [s for s in every if s not in chosen]
    missing = [s.name for s in others if not (edition / SECTIONS_DIR / s.filename).is_file()]
    if missing:
        raise ConfigError(
            f"cannot rebuild only some sections: {edition} has no executed "
            f"{', '.join(missing)}; build the whole report first"
        )
    for section in others:
        shutil.copyfile(edition / SECTIONS_DIR / section.filename, stage / SECTIONS_DIR / section.filename)
    return [s.name for s in others]


def _merge(paths: list[Path], target: Period, stage: Path) -> nbformat.NotebookNode:
    from .merge import merge

    window = target.window
    merged = merge(paths, {
        "year": target.year, "period": target.code, "label": target.label,
        "window": [window.start.isoformat(), window.end.isoformat()],
    })
    nbformat.write(merged, stage / "report.ipynb")
    return merged


def _footer(target: Period) -> str:
    window = target.window
    return (
        f"Báo cáo {target.label} được tính từ dữ liệu trong kỳ số liệu "
        f"{formatting.date(window.start)}–{formatting.date(window.end)} bằng reportbook; "
        f"nguồn và phiên bản: manifest.json."
    )


def _manifest_info(target, project, dataset, every, runs, reused, found) -> dict:
    """Everything the manifest says except the output hashes."""
    inputs = hashes(
        [s.path for s in every] + dataset.files() + param_files(project.params, target),
        project.root,
    )
    timings = {r.section.name: r for r in runs}
    sections = [
        {"section": s.name,
         "status": timings[s.name].status if s.name in timings else "reused",
         "reused_from": timings[s.name].reused_from if s.name in timings else "edition",
         "seconds": round(timings[s.name].seconds, 3) if s.name in timings else None}
        for s in every
    ]
    manifest = build_manifest(target, inputs, sections, {}, project.root)
    manifest["reused_sections"] = reused
    manifest["checks"] = {"passed": sum(c.passed for c in found),
                          "failed": [c.name + " — " + c.scope for c in found if not c.passed]}
    return manifest


def _write_manifest(manifest: dict, stage: Path) -> None:
    """Add the hash of every output written so far and write manifest.json."""
    manifest["outputs"] = {
        p.relative_to(stage).as_posix(): sha256(p)
        for p in sorted(stage.rglob("*")) if p.is_file()
    }
    (stage / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


def _manifest_results(manifest: dict, params, every, merged, project) -> None:
    """Add what a re-run is compared on: code hashes, resolved params, per-result hashes."""
    manifest["notebook_code"] = code_hashes([s.path for s in every], project.root)
    manifest["params"] = params.model_dump(mode="json")
    manifest["results"] = results.items(merged)
