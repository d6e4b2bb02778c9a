"""Immutable archive records: the one owner of ``ArchiveRecord``, ``ArchiveFile`` and ``ArchiveEvent``.

- ``models``     the records (tables keep their ``archive_*`` names) and the append-only guards
- ``archiving``  ``record_create``: a signed clip becomes a record (registered in ``review.ports``)
- ``credentials`` C2PA content credentials; ``fixity`` re-hashing; ``bags`` BagIt export and import
- ``selectors``  ``public_records``: archived and currently signed, the only definition of "public"
- ``views``, ``api``, ``admin``, ``tasks`` (fixity, Celery beat), commands ``archive_bag``, ``fixity_check``
"""
