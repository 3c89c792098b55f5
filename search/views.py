"""The site search page (/sok/); the search itself lives in search/query.py."""

from django.core.paginator import Paginator
from django.shortcuts import render

from search.query import clean_query, search_pages


def search(request):
    text = request.GET.get("q", "")
    page = Paginator(search_pages(text), 20).get_page(request.GET.get("page"))
    return render(
        request, "search/search.html", {"search_query": clean_query(text), "results": page}
    )
