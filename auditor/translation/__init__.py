"""Translation (edge): Argos Translate packages run by CTranslate2, offline.

`packages`: where packages live, listing, validating, installing and removing them (plain
files, no argostranslate import); `argos`: batched translation through an installed package;
`stage`: the audit's translate stage (every fragment of a run, batched per language, cached);
`download`: the only code that may use the network.
"""
