"""Review workflow: see issue 7. (The state machine, comments, sign-off and audit live here.)"""
