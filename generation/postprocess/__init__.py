"""Post-processing of generated clips with ffmpeg: delivery MP4s (720p/1080p, 24 fps by motion
interpolation, slow motion), WebVTT subtitles, the visible AI label and its metadata twin, multi-view
grids, posters and animated previews — each output verified with ffprobe before it is kept.

``pipeline.deliver_file`` and friends work on plain files without any database row; ``services``
wraps them for Clip rows and Django storage; ``tasks`` runs the service on the Celery queue ``media``.
"""
