"""Curator screens (login required; see archive/curator_views.py for the role rules)."""
from django.urls import path

from . import curator_views as v

app_name = "curator"
urlpatterns = [
    path("", v.home, name="home"),
    # crafts (项目)
    path("crafts/", v.CraftList.as_view(), name="craft_list"),
    path("crafts/new/", v.CraftForm_.as_view(), name="craft_create"),
    path("crafts/<slug:slug>/", v.CraftDetail.as_view(), name="craft_detail"),
    path("crafts/<slug:slug>/edit/", v.CraftForm_.as_view(), name="craft_edit"),
    path("crafts/<slug:slug>/delete/", v.CraftDelete.as_view(), name="craft_delete"),
    # inheritors (传承人)
    path("inheritors/", v.InheritorList.as_view(), name="inheritor_list"),
    path("inheritors/new/", v.InheritorForm_.as_view(), name="inheritor_create"),
    path("inheritors/<int:pk>/", v.InheritorDetail.as_view(), name="inheritor_detail"),
    path("inheritors/<int:pk>/edit/", v.InheritorForm_.as_view(), name="inheritor_edit"),
    path("inheritors/<int:pk>/delete/", v.InheritorDelete.as_view(), name="inheritor_delete"),
    path("inheritors/<int:pk>/document/", v.InheritorDocument.as_view(), name="inheritor_document"),
    path("inheritors/<int:pk>/account-link/", v.InheritorAccountLink.as_view(), name="inheritor_account_link"),
    # portraits of an inheritor, with their likeness consent (人像与肖像授权)
    path("inheritors/<int:inheritor_pk>/portraits/new/", v.PortraitForm_.as_view(), name="portrait_create"),
    path("portraits/<int:pk>/edit/", v.PortraitForm_.as_view(), name="portrait_edit"),
    path("portraits/<int:pk>/image/", v.PortraitFile.as_view(field="image"), name="portrait_image"),
    path("portraits/<int:pk>/document/", v.PortraitFile.as_view(field="consent_document"),
         name="portrait_document"),
    path("inheritors/<int:pk>/signer-changes/<int:change_id>/", v.SignerChangeDecide.as_view(),
         name="signer_change_decide"),
    path("inheritors/<int:pk>/signer-changes/<int:change_id>/handed-over/", v.SignerChangeHandOver.as_view(),
         name="signer_change_handed_over"),
    # techniques (技法) with ordered steps
    path("techniques/", v.TechniqueList.as_view(), name="technique_list"),
    path("techniques/new/", v.TechniqueFormPage.as_view(), name="technique_create"),
    path("techniques/<slug:slug>/", v.TechniqueDetail.as_view(), name="technique_detail"),
    path("techniques/<slug:slug>/edit/", v.TechniqueFormPage.as_view(), name="technique_edit"),
    path("techniques/<slug:slug>/delete/", v.TechniqueDelete.as_view(), name="technique_delete"),
    # oral-history recordings (口述史) and their transcripts
    path("recordings/", v.RecordingList.as_view(), name="recording_list"),
    path("recordings/new/", v.RecordingForm_.as_view(), name="recording_create"),
    path("recordings/<int:pk>/", v.RecordingDetail.as_view(), name="recording_detail"),
    path("recordings/<int:pk>/edit/", v.RecordingForm_.as_view(), name="recording_edit"),
    path("recordings/<int:pk>/delete/", v.RecordingDelete.as_view(), name="recording_delete"),
    path("recordings/<int:pk>/media/", v.RecordingMedia.as_view(), name="recording_media"),
    path("recordings/<int:pk>/transcript/", v.TranscriptEdit.as_view(), name="transcript_edit"),
    path("recordings/<int:pk>/transcript/import/", v.TranscriptImport.as_view(), name="transcript_import"),
    path("recordings/<int:pk>/transcript/import/<int:job_id>/", v.TranscriptImportStatus.as_view(),
         name="transcript_import_status"),
    path("recordings/<int:pk>/transcript/import/<int:job_id>/retry/", v.TranscriptImportRetry.as_view(),
         name="transcript_import_retry"),
    path("recordings/<int:pk>/transcript.<str:fmt>", v.TranscriptExport.as_view(), name="transcript_export"),
    # original footage (原始影像)
    path("footage/", v.FootageList.as_view(), name="footage_list"),
    path("footage/new/", v.FootageForm_.as_view(), name="footage_create"),
    path("footage/<int:pk>/", v.FootageDetail.as_view(), name="footage_detail"),
    path("footage/<int:pk>/edit/", v.FootageForm_.as_view(), name="footage_edit"),
    path("footage/<int:pk>/delete/", v.FootageDelete.as_view(), name="footage_delete"),
    path("footage/<int:pk>/media/", v.FootageMedia.as_view(), name="footage_media"),
]
