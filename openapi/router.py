"""The open API's endpoints under one URL namespace, as Wagtail's API router wires them (it
also gives each object's ``detail_url``)."""

from wagtail.api.v2.router import WagtailAPIRouter

from openapi.views import DocumentsViewSet, ImagesViewSet, PagesViewSet

# pagecache/headers.py names this namespace: its answers may be shared briefly.
NAMESPACE = "api_v2"

router = WagtailAPIRouter(NAMESPACE)
router.register_endpoint("pages", PagesViewSet)
router.register_endpoint("images", ImagesViewSet)
router.register_endpoint("documents", DocumentsViewSet)
