from django.core.paginator import EmptyPage, PageNotAnInteger

# Far beyond any archive; keeps OFFSETs and compared ids within what databases accept.
MAX_PAGE = 1_000_000


def page_number(number):
    """A requested page number as an int, or the paginator error a view turns into 404."""
    try:
        if isinstance(number, float) and not number.is_integer():
            raise ValueError
        number = int(number)
    except (TypeError, ValueError) as error:
        raise PageNotAnInteger("That page number is not an integer") from error
    if not 1 <= number <= MAX_PAGE:
        raise EmptyPage("That page contains no results")
    return number
