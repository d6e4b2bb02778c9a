app_name = "prompting"
urlpatterns = []
