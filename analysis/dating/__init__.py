"""Dating sources from their own text: evidence readers, the window solver, deal stages.

Modules, in the order the work flows: :mod:`.page` (manifest, address, stamps, datelines,
versions), :mod:`.body` (the story's sentences), :mod:`.learned` (events dated by the corpus
itself), :mod:`.solver` (windows), :mod:`.order` (timeline order), :mod:`.stage` (deal
stage), :mod:`.describe` (tables and sentences). ``analysis.timeline`` is the public face.
"""
