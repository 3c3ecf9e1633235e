"""What lives on the candidate's own machine: paths and settings, the token file,
drafts, the last jobs page seen, the policy version read. Files only; no Textual,
no server.
"""
