"""``reportbook preview``: the report in a browser, rebuilt whenever a file is saved.

Not an edition: nothing is published or archived. ``watch`` notices saved
files under data/, params/ and notebooks/, ``rebuild`` runs the build's own
stages (validation, sections through the cache on kernels kept warm between
rebuilds, merge, figure checks, the HTML page) without the PDF, Word file,
reviewer edition or manifest, and ``server`` serves the last good page on
127.0.0.1 with a small script that reloads it after each rebuild, and shows
an error, worded as the command line words it, above the last good page.
"""
