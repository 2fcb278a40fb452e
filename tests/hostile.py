"""A corpus of hostile input, submitted into every text field by the injection tests."""

HOSTILE = [
    '<script>window.__pwned=1</script>',
    '<img src=x onerror="window.__pwned=1">',
    '<a href="javascript:window.__pwned=1">klik</a>',
    '" onmouseover="window.__pwned=1" x="',
    "'; DROP TABLE events; --",
    'Robert\u202e)gnp.exe',  # right-to-left override
    'tab\tnew\nline\x00null\x07bell',
    'Agressie 😡 aan de balie 👍',
    '{{ 7*7 }} ${7*7} %(x)s',
]
LONG = 'x' * 5000
