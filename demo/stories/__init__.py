"""Every demo story, one module per section."""

from demo.stories import film, interviews, news, reviews, tv

STORIES = news.STORIES + film.STORIES + tv.STORIES + interviews.STORIES + reviews.STORIES
