"""Stages 5 and 6: merge the executed sections and render HTML, PDF, Word and the reviewer edition.

``merge``, ``render`` (nbconvert + WeasyPrint), ``fonts``, ``rendercache``, ``word``,
``checks`` (identities on the report's figures), ``review``, ``results`` (what the
manifest records per table, figure and text), ``background`` (a forked helper).
"""
