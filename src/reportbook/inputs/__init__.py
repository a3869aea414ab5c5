"""Stage 2: read every input (CSV, xlsx, Parquet), check its schema and rules, list all problems.

``tabular`` reads files, ``schema`` declares the tables, ``validation`` and ``rules``
check them, ``problems`` names each finding, ``loading`` types the data,
``contracts`` checks the notebooks' parameters, ``preflight`` runs it all before a build.
"""
