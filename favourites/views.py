"""The "Mine favoritter" page (/mine-favoritter/) and the JSON that describes its pages
(/api/favoritter/?id=…). The list itself lives in the visitor's browser (favourites.js)."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from favourites.lookup import InvalidFavourites, favourite_json, favourite_pages, parse_ids


@require_GET
def my_favourites(request):
    return render(request, "favourites/my_favourites.html")


@require_GET
def favourites_api(request):
    try:
        ids = parse_ids(request.GET.getlist("id"))
    except InvalidFavourites as error:
        return JsonResponse({"error": str(error)}, status=400)
    response = JsonResponse(
        {"results": [favourite_json(page, request) for page in favourite_pages(ids)]}
    )
    # The ids say what one visitor saved: no shared cache should keep them.
    response["Cache-Control"] = "no-store"
    return response
