"""The steps table of an SOP names a decision's return step by its number ("A.2"), resolved on save."""

# The context value under which a decision's return step may wait to be resolved from its typed
# number until all the rows of one save exist (``sop.step.create``, ``sop.procedure.write``): an
# object of this module, not a value a client could send in its context.
RETURN_CODES_PENDING = object()
