from meent.connect.models import (
    Assignment,
    Course,
    Edition,
    Employment,
    Evaluation,
    Event,
    EventChange,
    Registration,
    Session,
    SessionChoice,
    Trainee,
)
from meent.core.audit import register

register(Event, m2m_fields={"commissioners"})
register(Session)
register(SessionChoice)
register(EventChange)
register(Registration, exclude_fields=["token", "confirm_token"])
register(Evaluation)
register(Course)
register(Edition)
register(Trainee)
register(Employment)
register(Assignment)
