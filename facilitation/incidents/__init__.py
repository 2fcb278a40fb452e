"""Leren van incidenten, the organisation's side: incident registrations (from the GIR or any other system) imported
through a column mapping, kept only as the mapped, non-identifying fields, and analysed as trends in tables and
charts that never show a group smaller than the minimum (seed: "Trendanalyse op basis van het GIR").

`model.py` is the vocabulary and one registration; the store keeps them (facilitation/store.py, the only module that
speaks SQL).
"""
