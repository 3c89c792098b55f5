from resources.models.article import ArticleIndexPage, ArticlePage
from resources.models.base import ResourcePage
from resources.models.course import CourseIndexPage, CoursePage
from resources.models.event import EventIndexPage, EventPage
from resources.models.film import FilmCaption, FilmIndexPage, FilmPage, FilmSeriesPage
from resources.models.network import NetworkContact, NetworkIndexPage, NetworkMember, NetworkPage
from resources.models.news import NewsIndexPage, NewsPage
from resources.models.podcast import PodcastEpisodePage, PodcastIndexPage, PodcastSeriesPage
from resources.models.research import ResearchArticlePage, ResearchIndexPage
from resources.models.taxonomy import Audience, Topic
from resources.models.theme import ThemeIndexPage, ThemePage
