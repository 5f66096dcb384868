"""Demo content for a newcomer's laptop: a small, believable newsroom.

The data modules (sections, people, films, stories, sister_sites) describe
what to create; images draws every picture with Pillow; loader writes rows.
Everything here is invented: the films, series and people are fictional.
"""
