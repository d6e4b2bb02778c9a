"""The public gallery: archived demonstrations for everyone, no login.

Only what ``records.selectors.public_records()`` returns (archived AND currently signed) is public:
pages, search results, media, IIIF manifests all go through it. Layout:

- ``tokens``    jieba tokenization shared by the index and the query (same words on both sides)
- ``models``    SearchDocument: one row per craft / technique / step, a tsvector with a GIN index
- ``search``    refresh the index, run a query (PostgreSQL full-text; icontains on SQLite)
- ``selectors`` the reads the pages need, in a fixed number of queries
- ``qa``        the question box: 「下一步怎么走针?」 → a step of the technique
- ``iiif``      IIIF Presentation 3.0 manifest per archived technique
- media: streamed by ``heritage.media.stream_field_file`` after the views check the record is public
- ``views``     thin views over the above
"""
