"""khoagiao: theo dõi báo cáo của các đơn vị Khối khoa giáo."""

__version__ = "0.1.0"
