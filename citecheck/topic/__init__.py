"""Off-topic scoring: manuscript profile, embedding backends, methods detection, scores.

The topic stage (:mod:`citecheck.topic.stage`) uses this package; the
``off-topic`` rule reads its :class:`~citecheck.topic.scoring.DocumentTopic`.
"""
