from . import report_informasi_jabatan
