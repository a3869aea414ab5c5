"""Compare two editions result by result: what changed between two reports, and why.

Not a stage of the build, but used by one: ``editions`` reads what each
edition shows (its manifest and the structured payloads of the blocks in its
merged report.ipynb, never its HTML) and lists each figure that changed with
both values, the documents cited or no longer cited, the texts that changed
and how each section was produced; ``terminal`` prints that for ``reportbook
diff A B``, and ``page`` writes it into the reviewer edition as "So với lần
lập trước" whenever a build replaces an earlier edition of the same period.
"""
