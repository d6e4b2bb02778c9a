"""The S3-compatible media storage (django-storages) with the upload names of ``heritage.storage.SafeNames``;
a module of its own so that boto3 is imported only where S3 is configured."""
from storages.backends.s3 import S3Storage

from heritage.storage import SafeNames


class MediaS3Storage(SafeNames, S3Storage):
    """``STORAGES["default"]`` when ``AWS_STORAGE_BUCKET_NAME`` is set."""
