from . import access
