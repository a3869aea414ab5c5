"""Bring records in from the systems they come from: one-stop exports and document registers.

Not a stage of the build: it runs before it, when the analyst has a new
export. ``exports`` declares what each kind of export looks like (Vietnamese
headings, status labels), ``mapping`` reads an analyst's overrides,
``convert`` turns an export into the data model and validates it with the
rules ``check`` uses, ``merge`` folds it into ``data/`` without duplicates,
``history`` keeps every replaced file so an import can be undone, and
``command`` is ``reportbook import``.
"""
