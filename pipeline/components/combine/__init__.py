"""``privacy_combine``: rule spans and a trained model's spans merged per label by a policy.

:mod:`.policy` is the merge (the policies, on anything with offsets); :mod:`.component` the spaCy
component the build adds last; :mod:`.factory` registers it.
"""
