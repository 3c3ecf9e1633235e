"""gpseeker: a privacy-first terminal client for job seekers in Japan."""

__version__ = "0.1.0"
