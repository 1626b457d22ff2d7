"""Linking: what many articles say, joined into one record.

`copies` finds syndicated and near-duplicate articles (MinHash/LSH), `stories`
groups articles into stories as they arrive, `events` merges the reports of
one happening into one event, `stances` reads who is for or against what, and
`summary` picks the sentences that tell a story. Each module is pure: the
pipeline (`pipeline.link`) reads what they need from the store and writes back
what they return.
"""
