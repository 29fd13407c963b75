"""Running an audit: `pipeline` decides what must be done and drives the stages over a run;
`article` is one article's audit as a pure function; `workers` spreads articles over processes.
"""
